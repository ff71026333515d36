// Dossier page behaviour. Loaded as a file (the CSP forbids inline script); touches only elements the server rendered.
(function () {
    'use strict';
    // Ad images stay blurred until the analyst clicks them; a second click blurs again.
    document.querySelectorAll('button.ad-image').forEach(function (button) {
        button.addEventListener('click', function () {
            var blurred = button.classList.toggle('blurred');
            button.setAttribute('aria-pressed', blurred ? 'false' : 'true');
        });
    });
    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.addEventListener('click', function () { window.print(); });
    });
})();
