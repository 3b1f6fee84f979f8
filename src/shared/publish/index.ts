/**
 * Publishing for review, shared by main and the renderer: the IPC schemas, branch names, remote
 * addresses and pull-request links, each in its own module.
 */
export * from '../ipc/publish'
export * from './branch-names'
export * from './remote-url'
export * from './pull-request-url'
export * from '../git/error-kinds'
