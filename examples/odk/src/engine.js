// The ODK XForms engine on its own, as the test drives it: the page
// exposes createInstance and nothing else.
import { createInstance } from '@getodk/xforms-engine';

window.odk = { createInstance };
window.ready = true;
