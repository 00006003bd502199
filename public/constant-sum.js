/*
 * Constant sum questions: says the sum so far while the respondent types, so that
 * "samen 100" needs no sums on paper. The page works without this script: the server
 * says the sum when the page comes back.
 */
(function () {
  'use strict';
  document.querySelectorAll('p.sum[data-template]').forEach(function (line) {
    var questionId = line.id.replace(/^sum-/, '');
    var inputs = document.querySelectorAll('input[data-sum="' + questionId + '"]');
    function update() {
      var sum = 0;
      var filled = 0;
      for (var i = 0; i < inputs.length; i++) {
        var value = inputs[i].value.trim();
        if (value === '') continue;
        if (!/^\d+$/.test(value)) {
          line.textContent = '';
          return;
        }
        sum += Number(value);
        filled++;
      }
      line.textContent = filled === 0 ? '' : line.getAttribute('data-template').replace('{sum}', String(sum));
    }
    inputs.forEach(function (input) {
      input.addEventListener('input', update);
    });
  });
})();
