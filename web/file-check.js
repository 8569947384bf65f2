// file-check.js: a classic script, so that it runs where the page's modules cannot. Opened from a
// file (file://.../index.html), a browser refuses to load ES modules and WebAssembly, and the page
// would wait on "Loading the library…" for ever: say at once what to do instead, in all three
// languages (i18n.js, a module, cannot be loaded either).
'use strict';
if (window.location.protocol === 'file:') {
  document.addEventListener('DOMContentLoaded', () => {
    const loading = document.getElementById('status-loading');
    const notice = document.createElement('div');
    notice.id = 'status-file';
    notice.className = 'error';
    notice.setAttribute('role', 'alert');
    for (const [lang, text] of [
      ['ru', 'Страница открыта как файл, а браузер не загружает её библиотеку из файла. Откройте её через HTTP: '
        + 'в её папке выполните python3 -m http.server и откройте http://localhost:8000/'],
      ['kk', 'Бет файл ретінде ашылды, ал браузер оның кітапханасын файлдан жүктемейді. Оны HTTP арқылы ашыңыз: '
        + 'қалтасында python3 -m http.server іске қосып, http://localhost:8000/ ашыңыз'],
      ['en', 'This page was opened as a file, and browsers do not load its library from a file. Open it over '
        + 'HTTP: in its folder run python3 -m http.server and open http://localhost:8000/'],
    ]) {
      const p = document.createElement('p');
      p.lang = lang;
      p.textContent = text;
      notice.appendChild(p);
    }
    if (loading) {
      loading.hidden = true;
      loading.after(notice);
    } else {
      document.body.prepend(notice);
    }
  });
}
