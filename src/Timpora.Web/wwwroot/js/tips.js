// Only where JavaScript runs: the area picker refreshes in place, "my location" fills the point, and photos are
// shrunk on the phone before upload (which also drops their metadata). The form works without any of it.
(function () {
  document.documentElement.classList.add('js');
  function picker(fieldset, extra) {
    var prefix = fieldset.querySelector('select').name.split('.')[0];
    var query = new URLSearchParams();
    fieldset.querySelectorAll('select,input').forEach(function (el) { if (el.name && el.value) query.append(el.name, el.value); });
    fetch('/Areas/Picker?prefix=' + encodeURIComponent(prefix) + '&' + query + (extra || '')).then(function (r) { return r.text(); })
      .then(function (html) { fieldset.outerHTML = html; bind(); });
  }
  var timer;
  function bind() {
    document.querySelectorAll('.area-picker').forEach(function (fs) {
      fs.querySelectorAll('select').forEach(function (s) { s.onchange = function () { picker(fs); }; });
      var search = fs.querySelector('input[type=search]');
      if (search) search.oninput = function () { clearTimeout(timer); timer = setTimeout(function () { picker(fs); }, 300); };
      fs.querySelectorAll('.suggestions button').forEach(function (b) {
        b.onclick = function (e) { e.preventDefault(); picker(fs, '&pick=' + encodeURIComponent(b.value)); };
      });
    });
  }
  bind();
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
