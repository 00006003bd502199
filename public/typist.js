/*
 * Paper entry, made fast for the keyboard. The pages work without this script; it adds:
 * - on the code field: a typo is caught by the check character before anything is sent;
 * - on the form: a complete code moves on to the next field, a value that is no code is
 *   marked at once, and what is typed is kept on the server as you go (so a closed tab
 *   or a crash loses nothing).
 * - on a scanned form to check (class keying-scan): Tab and Enter go from one field to
 *   check to the next (the fields read for certain are out of the Tab order), Enter on
 *   the last one stores; Shift+Tab goes back through every field, to correct any of them.
 */
(function () {
  'use strict';

  // The same alphabet and check character as src/codes/login-code.ts.
  var ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

  /** False only for a code of the right length and alphabet whose check character is wrong. */
  function checkCharacterFits(typed) {
    var code = typed.toUpperCase().replace(/[\s\-\u2013._]/g, '');
    if (/^G\d+$/.test(code) || code.length !== 10) return true;
    var sum = 0;
    for (var i = 0; i < 10; i++) {
      var position = ALPHABET.indexOf(code.charAt(i));
      if (position < 0) return true; // the server explains which characters codes use
      if (i < 9) sum += (i + 1) * position;
    }
    return ALPHABET.charAt(sum % ALPHABET.length) === code.charAt(9);
  }

  function setUpCodeForm(form) {
    var input = form.querySelector('#code');
    var error = form.querySelector('#code-error');
    form.addEventListener('submit', function (event) {
      if (checkCharacterFits(input.value)) return;
      event.preventDefault();
      error.textContent = input.getAttribute('data-typo');
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.select();
    });
  }

  function isMark(value, kind) {
    var v = value.toLowerCase();
    if (v === '?' || v === '/') return true;
    // Not where several ticks are allowed: there the ticks themselves are keyed.
    return (v === 'm' || v === '*') && kind === 'code';
  }

  /** Whether a value could still become valid by typing more (used to warn early, not too early). */
  function plausible(value, kind, codes) {
    var v = value.trim();
    if (v === '' || kind === 'text' || isMark(v, kind)) return true;
    if (kind === 'number') return /^[+-]?\d*([.,]\d*)?$/.test(v);
    if (kind === 'codes') {
      var singleDigits = codes.every(function (c) { return c.length === 1; });
      return v.split(/[\s,;.+]+/).every(function (part) {
        if (part === '') return true;
        if (codes.some(function (c) { return c.indexOf(part) === 0; })) return true;
        return singleDigits && /^\d+$/.test(part) && part.split('').every(function (d) { return codes.indexOf(d) >= 0; });
      });
    }
    return codes.some(function (c) { return c.indexOf(v) === 0; });
  }

  /** A code is complete when it is a code and no longer code starts with it ("1" waits for "10"). */
  function complete(value, kind, codes) {
    var v = value.trim().toLowerCase();
    if (kind !== 'code') return false;
    if (isMark(v, kind)) return true;
    return codes.indexOf(v) >= 0 && !codes.some(function (c) { return c !== v && c.indexOf(v) === 0; });
  }

  function setUpKeyingForm(form) {
    var fields = Array.prototype.slice.call(form.querySelectorAll('input.kf-input'));
    var saveButton = form.querySelector('button[value="opslaan"]');
    var status = document.getElementById('autosave-status');
    var url = form.getAttribute('data-autosave');
    var scan = form.classList.contains('keying-scan');
    function isStop(input) { return input.getAttribute('tabindex') !== '-1'; }
    var timer = null;
    var dirty = false;
    var submitting = false;

    function nextStop(index) {
      for (var i = index + 1; i < fields.length; i++) if (isStop(fields[i])) return fields[i];
      return null;
    }

    function moveOn(index) {
      var next = scan ? nextStop(index) : fields[index + 1];
      if (next) {
        next.focus();
        next.select();
      } else {
        saveButton.focus();
      }
    }

    function body() {
      var params = new URLSearchParams(new FormData(form));
      params.delete('actie');
      return params;
    }

    function keep() {
      timer = null;
      if (submitting || !dirty || !url) return;
      dirty = false;
      fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: body().toString(),
      }).then(function (response) {
        status.textContent = status.getAttribute(response.ok ? 'data-saved' : 'data-failed');
        status.classList.toggle('failed', !response.ok);
      }, function () {
        dirty = true;
        status.textContent = status.getAttribute('data-failed');
        status.classList.add('failed');
      });
    }

    fields.forEach(function (input, index) {
      var kind = input.getAttribute('data-kind');
      var codes = (input.getAttribute('data-codes') || '').split(' ').filter(Boolean);
      input.addEventListener('input', function () {
        var ok = plausible(input.value, kind, codes);
        input.classList.toggle('warn', !ok);
        if (ok) input.removeAttribute('aria-invalid');
        else input.setAttribute('aria-invalid', 'true');
        dirty = true;
        if (timer) clearTimeout(timer);
        timer = setTimeout(keep, 700);
        if (ok && complete(input.value, kind, codes)) moveOn(index);
      });
      if (scan) input.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' && nextStop(index)) {
          event.preventDefault();
          moveOn(index);
        } else if (event.key === 'Tab' && event.shiftKey && index > 0) {
          event.preventDefault();
          fields[index - 1].focus();
          fields[index - 1].select();
        }
      });
    });

    form.addEventListener('submit', function () {
      submitting = true;
      if (timer) clearTimeout(timer);
    });
    // Closing the tab or leaving the page: keep the last keystrokes too.
    window.addEventListener('pagehide', function () {
      if (submitting || !dirty || !url || !navigator.sendBeacon) return;
      navigator.sendBeacon(url, new Blob([body().toString()], { type: 'application/x-www-form-urlencoded' }));
    });

    var focused = form.querySelector('[autofocus]');
    if (focused) focused.select();
  }

  var codeForm = document.getElementById('code-form');
  if (codeForm) setUpCodeForm(codeForm);
  var keyingForm = document.getElementById('keying');
  if (keyingForm) setUpKeyingForm(keyingForm);
})();
