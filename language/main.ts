import { startServer } from './lsp/start-server.js';

// The language server: started by the VS Code extension in its own process (stdio or IPC).
startServer();
