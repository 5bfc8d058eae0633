// jest setupFiles: every test file starts with every message catalogue registered, as the app does,
// so a test that renders a card or calls a service without building the app reads real messages.
import { registerAllMessages } from '../../src/messages';

registerAllMessages();
