/*
 * Sports development indicators: host-page script for embedded charts.
 *
 *   <iframe src="https://example.org/stats/sports/?view=medals&...&embed=1"
 *           data-sportdash title="…" style="width:100%;border:0" height="480"></iframe>
 *   <script src="https://example.org/stats/sports/embed.js" async></script>
 *
 * An embedded chart posts {"type": "sportdash:height", "version": 1, "height": <CSS px>}
 * to its parent on load and whenever its height changes. This script sets the height of the
 * iframe that sent it. It acts only on messages that come from one of the page's
 * iframe[data-sportdash], from that iframe's own origin, and have exactly that shape.
 *
 * Written by `sportdash embed-js` from its template in the dashboard's source, the message's
 * type, version and height limits filled in from the same constants the chart posts with.
 */
(function () {
  'use strict';
  var TYPE = '@TYPE@';
  var VERSION = @VERSION@;
  var MIN = @MIN@;
  var MAX = @MAX@;

  function senderFrame(event) {
    var frames = document.querySelectorAll('iframe[data-sportdash]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) return frames[i];
    }
    return null;
  }

  function originOf(frame) {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  var KEYS = ['height', 'type', 'version'];

  function heightIn(data) {
    if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
    var keys = Object.keys(data).sort();
    if (keys.length !== KEYS.length || keys.join() !== KEYS.join()) return null;
    if (data.type !== TYPE || data.version !== VERSION) return null;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height)) return null;
    if (height < MIN || height > MAX || Math.floor(height) !== height) return null;
    return height;
  }

  window.addEventListener('message', function (event) {
    var frame = senderFrame(event);
    if (!frame || event.origin !== originOf(frame)) return;
    var height = heightIn(event.data);
    if (height === null) return;
    frame.style.height = height + 'px';
    frame.setAttribute('data-sportdash-height', String(height));
  });
})();
