// Starts one download of the browser app over the page the server sent. A separate file, not
// an inline script, so that the content security policy can forbid inline scripts. web-dist
// writes one copy per download with the hashed names of its files in place of the
// placeholders.
import init from '__GLUE__';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
await init({ module_or_path: new URL('__WASM__', import.meta.url) });
