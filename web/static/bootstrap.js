// Kept out of index.html so that the content security policy can forbid inline scripts.
import init from '/pkg/web.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
await init();
