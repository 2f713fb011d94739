import '@patternfly/react-core/dist/styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { followColorScheme } from './theme';

followColorScheme();

// Before any zod schema is made (they load with the workspace): zod would probe for eval (new
// Function) to compile its parsers, and the page's Content-Security-Policy forbids eval, so the
// probe would be reported as a violation. zod reads this object as its global configuration.
(globalThis as { __zod_globalConfig?: object }).__zod_globalConfig = { jitless: true };

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
