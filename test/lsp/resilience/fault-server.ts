import { startServer } from '../../../language/lsp/start-server.js';
import { faultModule } from './test-faults.js';

// The language server as the resilience tests run it: the product's, with the services named in
// HANDREIKING_TEST_FAULT made to throw (test-faults.ts). Bundled by the tests only (lsp-session.ts).
startServer(faultModule(process.env.HANDREIKING_TEST_FAULT ?? ''));
