// Shows the first view that `sportdash snapshot` wrote into this page (the dashboard's default
// view, drawn when the site was built; src/snapshot.rs) only where the app will show that same
// view: an address without parameters, and no other language remembered on this device (as
// app/browser.rs, `stored_lang`, reads it). It runs before the body is parsed, so that a link to
// another view never paints this one first.
(function () {
  if (location.search.length > 1) return;
  try {
    if (JSON.parse(localStorage.getItem('sportdash.lang')) === 'en') return;
  } catch (e) {
    // Storage refused or unreadable: the app then falls back to the default language too.
  }
  document.documentElement.className = 'show-first-view';
})();
