// The page carries a first view (src/snapshot.rs): the dashboard's default view, drawn when the
// site was built. This hides it where the app will show another view: an address with
// parameters, or another language remembered on this device (as app/browser.rs, `stored_lang`,
// reads it). It runs before the body is parsed, so that a link to another view never paints
// the default one first.
(function () {
  var other = location.search.length > 1;
  try {
    other = other || JSON.parse(localStorage.getItem('sportdash.lang')) === 'en';
  } catch (e) {
    // Storage refused or unreadable: the app then falls back to the default language too.
  }
  if (other) document.documentElement.className = 'not-first-view';
})();
