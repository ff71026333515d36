// Lantaarn client (beta and classic): consent modals, the endless list ("Meer laden"), and "Toon nummer". Plain ES2017.
(function () {
  'use strict';
  var app = document.getElementById('lt-app');
  var boot = window.__LANTAARN__ || {};

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  // --- consent: the age gate, then the cookie wall; each remembered by cookie once dismissed ---
  function openModal() { return document.querySelector('.lt-modal:not([hidden])'); }

  function consentDone(then) {
    if (!document.querySelector('.lt-modal')) { then(); return; }
    document.addEventListener('lantaarn:consent', then, { once: true });
  }

  Array.prototype.forEach.call(document.querySelectorAll('.lt-modal [data-cookie]'), function (button) {
    button.addEventListener('click', function () {
      document.cookie = button.getAttribute('data-cookie') + '; path=/; max-age=2592000; SameSite=Lax';
      var modal = button.closest('.lt-modal');
      modal.parentNode.removeChild(modal);
      var next = document.querySelector('.lt-modal[hidden]');
      if (next) next.hidden = false;
      if (!document.querySelector('.lt-modal')) document.dispatchEvent(new Event('lantaarn:consent'));
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('.lt-modal__no'), function (button) {
    button.addEventListener('click', function () { document.body.textContent = 'Je moet 18 jaar of ouder zijn.'; });
  });

  function load(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      });
  }

  // --- beta listing: 20 per round, "Meer laden" asks the next round until the API says next = null ---
  var list = document.querySelector('ul.lt-cards');
  if (app && list) {
    var more = document.querySelector('button.lt-more');
    var end = document.querySelector('.list-end');
    var next = '/api/ads?page=1';
    var round = function () {
      app.setAttribute('data-state', 'loading');
      more.disabled = true;
      return load(next).then(function (data) {
        data.ads.forEach(function (ad) {
          var item = el('li', 'ad-card');
          item.setAttribute('data-id', ad.id);
          var a = el('a', 'ad-card__link');
          a.href = ad.url;
          if (ad.thumb) {
            var img = el('img', 'ad-card__thumb');
            img.src = ad.thumb;
            img.alt = '';
            a.appendChild(img);
          }
          a.appendChild(el('h3', 'ad-card__title', ad.title));
          item.appendChild(a);
          if (ad.city) item.appendChild(el('span', 'ad-card__city', ad.city));
          var t = el('time', 'ad-card__bumped', ad.bumpedAt.slice(0, 16).replace('T', ' '));
          t.setAttribute('datetime', ad.bumpedAt);
          item.appendChild(t);
          list.appendChild(item);
        });
        next = data.next;
        more.disabled = false;
        more.hidden = !next;
        end.hidden = !!next;
        app.setAttribute('data-state', 'ready');
      }, function () {
        app.setAttribute('data-state', 'error');
      });
    };
    more.addEventListener('click', function () { if (next && !openModal()) round(); });
    consentDone(round);
  }

  // --- beta ad page: the number comes from the reveal endpoint, as text or as an image ---
  var reveal = document.querySelector('.lt-phone button.reveal');
  if (reveal && boot.adId) {
    reveal.addEventListener('click', function () {
      reveal.disabled = true;
      reveal.textContent = 'Even geduld…';
      load('/api/ads/' + encodeURIComponent(boot.adId) + '/reveal').then(function (data) {
        var box = reveal.parentNode;
        box.removeChild(reveal);
        if (data.image) {
          var img = el('img', 'phone--image');
          img.src = data.image;
          img.alt = 'Telefoonnummer';
          box.appendChild(img);
        } else {
          var shown = box.querySelector('.phone--shown');
          shown.textContent = data.phone;
          shown.hidden = false;
        }
      }, function () {
        reveal.textContent = 'Nummer niet beschikbaar';
      });
    });
  }

  // --- classic: the reveal link swaps itself for the fragment it points at ---
  var link = document.querySelector('a.toon-nummer');
  if (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      link.textContent = 'Even geduld…';
      fetch(link.getAttribute('href'), { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
        .then(function (r) { return r.text(); })
        .then(function (html) {
          var cell = link.parentNode;
          cell.innerHTML = html;
        });
    });
  }
})();
