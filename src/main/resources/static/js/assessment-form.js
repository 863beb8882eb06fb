/*
 * Live result of an assessment score form (entry or verification). As the user types, the form is posted to the
 * URL in its data-preview-url attribute; the server scores it with the same engine as on save and answers with
 * an HTML fragment, which replaces the content of #live-result. Without this script the page still works: saving
 * re-renders it with the server's scoring.
 */
(function () {
    'use strict';

    var form = document.querySelector('form[data-preview-url]');
    var target = document.getElementById('live-result');
    if (!form || !target || !window.fetch || !window.URLSearchParams || !window.FormData) {
        return;
    }
    var url = form.getAttribute('data-preview-url');
    var timer = null;
    var sent = 0;

    function refresh() {
        var ticket = ++sent;
        var headers = { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' };
        var token = form.querySelector('input[name="_csrf"]');
        if (token) {
            headers['X-CSRF-TOKEN'] = token.value;
        }
        fetch(url, {
            method: 'POST',
            body: new URLSearchParams(new FormData(form)).toString(),
            headers: headers,
            credentials: 'same-origin'
        }).then(function (response) {
            if (!response.ok) {
                throw new Error('preview failed: ' + response.status);
            }
            return response.text();
        }).then(function (html) {
            // an older answer arriving after a newer one must not overwrite it
            if (ticket === sent) {
                target.innerHTML = html;
            }
        }).catch(function () {
            // keep the last result shown: saving still scores on the server
        });
    }

    form.addEventListener('input', function (event) {
        if (!event.target.classList.contains('score-input')) {
            return;
        }
        window.clearTimeout(timer);
        timer = window.setTimeout(refresh, 250);
    });
}());
