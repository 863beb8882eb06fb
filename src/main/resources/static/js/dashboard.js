// Draws the dashboard's charts from each canvas's data-chart attribute (no inline script: the CSP forbids it).
// A chart is {type, labels, series: [{label, style: rate|path|target, data}]}; values are percentages.
(function () {
    'use strict';

    var STYLES = {
        rate: {borderColor: '#0d6efd', backgroundColor: 'rgba(13, 110, 253, 0.6)', borderWidth: 2, pointRadius: 3,
            spanGaps: false},
        path: {borderColor: '#6c757d', backgroundColor: '#6c757d', borderWidth: 1, borderDash: [6, 4],
            pointRadius: 0},
        target: {borderColor: '#dc3545', backgroundColor: 'rgba(220, 53, 69, 0.6)', pointRadius: 6,
            pointStyle: 'rectRot', showLine: false}
    };

    function dataset(series, type) {
        var style = STYLES[series.style] || {};
        var set = {label: series.label, data: series.data};
        Object.keys(style).forEach(function (key) {
            set[key] = style[key];
        });
        if (type === 'bar') {
            set.borderWidth = 1;
            set.showLine = undefined;
        }
        return set;
    }

    function draw(canvas) {
        var spec;
        try {
            spec = JSON.parse(canvas.getAttribute('data-chart'));
        } catch (e) {
            return;
        }
        /* global Chart */
        new Chart(canvas, {
            type: spec.type,
            data: {
                labels: spec.labels,
                datasets: spec.series.map(function (s) {
                    return dataset(s, spec.type);
                })
            },
            options: {
                responsive: true,
                aspectRatio: 2,
                animation: false,
                scales: {
                    y: {
                        min: 0,
                        max: 100,
                        ticks: {
                            callback: function (value) {
                                return value + ' ' + spec.percentLabel;
                            }
                        }
                    }
                },
                plugins: {legend: {position: 'bottom'}}
            }
        });
        canvas.setAttribute('data-drawn', 'true');
    }

    if (typeof Chart === 'undefined') {
        return;
    }
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
})();
