/** A ticket's priorities, most urgent first (the model's enum and the forms' choices): the one list
 * lives beside the SLA settings in workspaces, which have a target for each. */
export { PRIORITIES, type Priority } from '../workspaces';
