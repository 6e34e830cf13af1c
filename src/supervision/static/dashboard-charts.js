/* global window, document */
// Progressive enhancement of the supervisor's dashboard: each <table data-chart> becomes an ECharts chart
// drawn above it, from the columns marked data-series and each cell's data-value. The table stays: it is
// the accessible source of the figures. A server-drawn SVG marked data-fallback-for is hidden once its
// table's chart is drawn. Without JavaScript (or without ECharts) nothing changes.
(function () {
  'use strict';
  var echarts = window.echarts;
  if (!echarts) return;
  var tables = document.querySelectorAll('table[data-chart]');
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.querySelectorAll('thead th');
    var series = [];
    Array.prototype.forEach.call(heads, function (th, col) {
      var kind = th.getAttribute('data-series');
      if (kind) series.push({ name: th.textContent.trim(), type: kind, col: col, data: [] });
    });
    if (series.length === 0) return;
    var labels = [];
    var rows = table.querySelectorAll('tbody tr');
    Array.prototype.forEach.call(rows, function (tr) {
      labels.push(tr.cells[0].textContent.trim());
      series.forEach(function (s) {
        var cell = tr.cells[s.col];
        var v = cell ? cell.getAttribute('data-value') : '';
        s.data.push(v === null || v === '' ? null : Number(v));
      });
    });
    if (labels.length === 0) return;
    var horizontal = table.getAttribute('data-chart') === 'hbar';
    var caption = table.caption ? table.caption.textContent.trim() : '';
    var box = document.createElement('div');
    box.className = 'echart';
    box.setAttribute('role', 'img');
    box.setAttribute('aria-label', caption + '（图表，数据见下表）');
    var height = horizontal ? Math.max(240, Math.min(labels.length, 25) * 26 + 80) : 320;
    box.style.height = height + 'px';
    table.parentNode.insertBefore(box, table);
    var category = { type: 'category', data: labels, inverse: horizontal };
    var value = {
      type: 'value',
      max: table.getAttribute('data-max') ? Number(table.getAttribute('data-max')) : null,
    };
    var option = {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: horizontal ? 180 : 48, right: 24, top: 36, bottom: 40, containLabel: !horizontal },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: series.map(function (s) {
        return { name: s.name, type: s.type === 'line' ? 'line' : 'bar', data: s.data };
      }),
    };
    if (horizontal && labels.length > 25)
      option.dataZoom = [{ type: 'slider', yAxisIndex: 0, startValue: 0, endValue: 24, right: 0 }];
    echarts.init(box).setOption(option);
    if (table.id) {
      var fallback = document.querySelector('[data-fallback-for="' + table.id + '"]');
      if (fallback) fallback.hidden = true;
    }
  });
})();
