import { useAppStore } from '../store/app-store';
import { ClassConnection } from './class-connection';

/** The app's one connection to the server (the net module is the only user of socket.io-client). */
export const classConnection = new ClassConnection(useAppStore);

export { createClass, exportClass } from './api';
export { sessionActions } from './session-actions';
export { deleteFork, forkAndOpen, openClass, openFork } from './session-views';
