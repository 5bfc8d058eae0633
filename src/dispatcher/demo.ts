// The demo workspace as the sandbox channel shows it (channels reach modules only through the dispatcher).
export { DEMO_MEMBERS, DEMO_WORKSPACE, type DemoMember } from '../modules/demo';
