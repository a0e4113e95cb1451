// Only where JavaScript runs: the area picker refreshes in place, "my location" fills the point, and photos are
// shrunk on the phone before upload (which also drops their metadata). The form works without any of it.
(function () {
  document.documentElement.classList.add('js');
  // The picker's search input is never replaced: typing swaps only the suggestions list, a choice swaps only the
  // choices below the input, and an answer that arrives after a newer request is dropped.
  var asked = 0;
  function picker(fieldset, part, extra) {
    var prefix = fieldset.querySelector('select').name.split('.')[0];
    var target = fieldset.querySelector('#' + fieldset.id + '-' + part);
    var query = new URLSearchParams();
    var scope = part === 'suggestions' ? fieldset : target;
    scope.querySelectorAll('select,input').forEach(function (el) { if (el.name && el.value) query.append(el.name, el.value); });
    var mine = ++asked;
    fetch('/Areas/Picker?prefix=' + encodeURIComponent(prefix) + (part === 'suggestions' ? '&part=suggestions' : '') + '&' + query + (extra || ''))
      .then(function (r) { return r.text(); })
      .then(function (html) {
        if (mine !== asked || !target.isConnected) return;
        var answer = document.createElement('template');
        answer.innerHTML = html;
        // Only the requested part; the emptied search input that htmx takes out of band is set on the click here.
        target.replaceWith(answer.content.querySelector('#' + target.id));
      });
  }
  var timer;
  document.addEventListener('input', function (e) {
    var fs = e.target.closest && e.target.closest('.area-picker');
    if (!fs || e.target.type !== 'search') return;
    clearTimeout(timer);
    timer = setTimeout(function () { picker(fs, 'suggestions'); }, 300);
  });
  document.addEventListener('change', function (e) {
    var fs = e.target.closest && e.target.closest('.area-picker');
    if (fs && e.target.tagName === 'SELECT') picker(fs, 'choices');
  });
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('.area-picker .suggestions button');
    if (!b) return;
    e.preventDefault();
    clearTimeout(timer);
    var fs = b.closest('.area-picker');
    fs.querySelector('input[type=search]').value = '';
    picker(fs, 'choices', '&pick=' + encodeURIComponent(b.value));
  });
  var locate = document.querySelector('[data-locate]');
  if (locate && navigator.geolocation) locate.onclick = function () {
    navigator.geolocation.getCurrentPosition(function (p) {
      document.querySelector('[name="Input.Latitude"]').value = p.coords.latitude.toFixed(6);
      document.querySelector('[name="Input.Longitude"]').value = p.coords.longitude.toFixed(6);
    });
  };
  function shrink(file) {
    if (!/^image\//.test(file.type) || file.size < 400000 || !window.createImageBitmap) return Promise.resolve(file);
    return createImageBitmap(file).then(function (img) {
      var scale = Math.min(1, 1600 / Math.max(img.width, img.height));
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(img.width * scale); canvas.height = Math.round(img.height * scale);
      canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
      return new Promise(function (done) {
        canvas.toBlob(function (blob) { done(blob && blob.size < file.size ? new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' }) : file); }, 'image/jpeg', 0.8);
      });
    }).catch(function () { return file; });
  }
  document.querySelectorAll('input[data-shrink]').forEach(function (input) {
    var form = input.form, ready = false;
    form.addEventListener('submit', function (e) {
      if (ready || !input.files.length || !window.DataTransfer || (e.submitter && e.submitter.hasAttribute('formnovalidate'))) return;
      e.preventDefault();
      Promise.all(Array.prototype.map.call(input.files, shrink)).then(function (files) {
        var list = new DataTransfer();
        files.forEach(function (f) { list.items.add(f); });
        input.files = list.files; ready = true; form.submit();
      });
    });
  });
})();
