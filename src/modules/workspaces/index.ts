// What other modules may use from workspaces.
export * from './access';
export * from './actor';
export * from './command';
export * from './crm.commands';
export * from './ctx';
export { forgetCachedIdentities, IDENTITY_TTL_MS } from './identity-cache';
export * from './job-deps';
export * from './member-name';
export { ROLES, type Member, type MemberEntity, type NameSource, type Role } from './member.model';
export * from './members.service';
export * from './settings.cards';
export { PRIORITIES, readPriority, type Priority } from './setting-input';
export * from './stages';
export { type Workspace, type WorkspaceEntity } from './workspace.model';
export * from './workspace.service';

// Store-level access other modules still use directly; each is to become a use case of this module
// (leads, tickets, digest, follow-ups and demo read members and workspaces through the repos).
export { membersRepo } from './members.repo';
export { workspacesRepo } from './workspaces.repo';
export { workspacesMessages } from './workspaces.messages';
