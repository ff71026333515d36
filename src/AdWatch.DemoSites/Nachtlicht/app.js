// Nachtlicht client: age gate, then the listing or one ad rendered from the JSON API. Plain ES2017, no build step.
// The server replaces the CLASSES placeholder with the class map of the current layout (the renamed-classes fault swaps it).
(function () {
  'use strict';
  var C = /*CLASSES*/{};
  var app = document.getElementById('app');
  var gate = document.getElementById('age-gate');

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function hasAgeCookie() {
    return document.cookie.split(';').some(function (c) { return c.trim() === 'leeftijd=18plus'; });
  }

  function time(cls, iso) {
    var p = iso.split('-');
    var t = el('time', cls, parseInt(p[2], 10) + '-' + parseInt(p[1], 10) + '-' + p[0]);
    t.setAttribute('datetime', iso);
    return t;
  }

  function phone(value) {
    if (value.indexOf('https://wa.me/') === 0) {
      var a = el('a', C.whatsapp, 'Stuur een WhatsApp');
      a.href = value;
      return a;
    }
    return document.createTextNode(value);
  }

  function link(cls, rel, href, text) {
    var a = el('a', cls, text);
    a.rel = rel;
    a.href = href;
    return a;
  }

  function renderListing(data) {
    app.textContent = '';
    app.appendChild(el('h1', C.pageTitle, 'Advertenties'));
    if (data.ads.length === 0) {
      app.appendChild(el('p', C.empty, 'Er zijn vandaag geen advertenties.'));
    } else {
      var list = el(C.listTag, C.list);
      data.ads.forEach(function (ad) {
        var item = el(C.itemTag, C.item);
        item.setAttribute('data-id', ad.id);
        var a = el('a', C.link);
        a.href = '/ad/' + encodeURIComponent(ad.id);
        if (ad.thumb) {
          var img = el('img', C.thumb);
          img.src = ad.thumb;
          img.alt = '';
          a.appendChild(img);
        }
        a.appendChild(el('span', C.title, ad.title));
        item.appendChild(a);
        if (ad.city) item.appendChild(el('span', C.city, ad.city));
        item.appendChild(time(C.date, ad.posted));
        list.appendChild(item);
      });
      app.appendChild(list);
    }
    var nav = el('nav', C.pager);
    if (data.page > 1) nav.appendChild(link(C.prev, 'prev', '/?page=' + (data.page - 1), 'Vorige'));
    if (data.page < data.totalPages) nav.appendChild(link(C.next, 'next', '/?page=' + (data.page + 1), 'Volgende'));
    app.appendChild(nav);
  }

  function renderDetail(status, ad) {
    app.textContent = '';
    if (status === 404) {
      app.appendChild(el('p', C.error, 'Advertentie niet gevonden.'));
      return;
    }
    if (ad.status !== 'online') {
      var box = el('div', C.expired);
      box.appendChild(el('h1', null, ad.status === 'gone' ? 'Deze advertentie is verwijderd' : 'Deze advertentie is verlopen'));
      app.appendChild(box);
      return;
    }
    var art = el('article', C.detail);
    art.setAttribute('data-id', ad.id);
    art.appendChild(el('h1', C.detailTitle, ad.title));
    if (ad.location) art.appendChild(el('p', C.location, ad.location));
    if (ad.city) art.appendChild(el('p', C.detailCity, ad.city));
    art.appendChild(time(C.detailDate, ad.posted));
    if (ad.phone) {
      var p = el('p', C.phone);
      p.appendChild(phone(ad.phone));
      art.appendChild(p);
    }
    var text = el('div', C.text);
    ad.body.split('\n\n').forEach(function (paragraph) { text.appendChild(el('p', null, paragraph)); });
    art.appendChild(text);
    var photos = el('div', C.photos);
    ad.images.forEach(function (src) {
      var img = el('img', C.photo);
      img.src = src;
      img.alt = '';
      photos.appendChild(img);
    });
    art.appendChild(photos);
    app.appendChild(art);
  }

  function load(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json().then(function (body) { return { status: r.status, body: body }; }); });
  }

  function route() {
    var m = /^\/ad\/([A-Za-z0-9-]+)$/.exec(location.pathname);
    if (m) return load('/api/ads/' + m[1]).then(function (r) { renderDetail(r.status, r.body); });
    var page = parseInt(new URLSearchParams(location.search).get('page') || '1', 10);
    if (!(page >= 1)) page = 1;
    return load('/api/ads?page=' + page).then(function (r) {
      if (r.status !== 200) throw new Error('HTTP ' + r.status);
      renderListing(r.body);
    });
  }

  function reveal() {
    gate.hidden = true;
    app.hidden = false;
    app.setAttribute('data-state', 'loading');
    route().then(
      function () { app.setAttribute('data-state', 'ready'); },
      function () {
        app.textContent = '';
        app.appendChild(el('p', C.error, 'Laden mislukt, probeer het later opnieuw.'));
        app.setAttribute('data-state', 'error');
      });
  }

  document.getElementById('age-ok').addEventListener('click', function () {
    document.cookie = 'leeftijd=18plus; path=/; max-age=2592000; SameSite=Lax';
    reveal();
  });
  if (hasAgeCookie()) reveal();
})();
