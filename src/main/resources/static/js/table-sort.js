// Sorts a table.sortable by the clicked header (th[data-sort="text"|"number"]), on each cell's data-value (or its
// text); a second click reverses. No inline script: loaded as a file under the CSP.
(function () {
    document.querySelectorAll('table.sortable').forEach(function (table) {
        table.querySelectorAll('th[data-sort]').forEach(function (th, index) {
            th.setAttribute('role', 'button');
            th.classList.add('sortable-header');
            var column = Array.prototype.indexOf.call(th.parentNode.children, th);
            th.addEventListener('click', function () {
                var numeric = th.getAttribute('data-sort') === 'number';
                var ascending = th.getAttribute('aria-sort') !== 'ascending';
                table.querySelectorAll('th[data-sort]').forEach(function (other) { other.removeAttribute('aria-sort'); });
                th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows).filter(function (r) { return r.cells.length > column; });
                rows.sort(function (a, b) {
                    var x = value(a.cells[column]), y = value(b.cells[column]);
                    var result;
                    if (numeric) {
                        var nx = x === '' ? -Infinity : parseFloat(x), ny = y === '' ? -Infinity : parseFloat(y);
                        result = nx - ny;
                    } else {
                        result = x.localeCompare(y, document.documentElement.lang || 'vi');
                    }
                    return ascending ? result : -result;
                });
                rows.forEach(function (r) { body.appendChild(r); });
            });
        });
    });
    function value(cell) {
        var v = cell.getAttribute('data-value');
        return v === null ? cell.textContent.trim() : v;
    }
})();
