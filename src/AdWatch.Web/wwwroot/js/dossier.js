// Dossier page behaviour. Loaded as a file (the CSP forbids inline script); touches only elements the server rendered.
(function () {
    'use strict';
    // Ad images stay blurred until the analyst clicks them; a second click blurs again. The page loads only a tiny preview;
    // the first click fetches the photo itself (that request is the audited view).
    document.querySelectorAll('button.ad-image').forEach(function (button) {
        button.addEventListener('click', function () {
            var image = button.querySelector('img[data-full]');
            if (image && image.getAttribute('src') !== image.getAttribute('data-full')) {
                image.setAttribute('src', image.getAttribute('data-full'));
            }
            var blurred = button.classList.toggle('blurred');
            button.setAttribute('aria-pressed', blurred ? 'false' : 'true');
        });
    });
    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.addEventListener('click', function () { window.print(); });
    });
})();
// The street basemap is an inert <template>: its tiles load only when the analyst asks for them.
(function () {
    'use strict';
    document.querySelectorAll('[data-street-map]').forEach(function (button) {
        button.addEventListener('click', function () {
            var template = document.getElementById(button.getAttribute('data-street-map'));
            if (!template || button.getAttribute('aria-expanded') === 'true') { return; }
            button.parentNode.after(template.content.cloneNode(true));
            button.setAttribute('aria-expanded', 'true');
            button.disabled = true;
        });
    });
})();
