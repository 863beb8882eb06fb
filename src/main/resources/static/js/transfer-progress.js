// Progress of an import job: polls the job's JSON status and reloads the page when it has finished.
(function () {
    'use strict';
    var box = document.getElementById('job-progress');
    if (!box) {
        return;
    }
    var url = box.getAttribute('data-status-url');
    var bar = document.getElementById('job-bar');
    var count = document.getElementById('job-count');
    function poll() {
        fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(function (r) { return r.json(); })
            .then(function (s) {
                if (s.finished) {
                    window.location.reload();
                    return;
                }
                bar.style.width = s.percent + '%';
                count.textContent = count.textContent.replace(/^\D*\d+/, function (m) {
                    return m.replace(/\d+$/, String(s.processed));
                });
                window.setTimeout(poll, 1000);
            })
            .catch(function () { window.setTimeout(poll, 3000); });
    }
    window.setTimeout(poll, 500);
}());
