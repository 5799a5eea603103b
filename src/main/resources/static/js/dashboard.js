// Charts of the dashboard module: data comes as JSON embedded by the server (the CSP allows no inline script).
(() => {
  'use strict';

  const GRADE_COLOURS = { A: '#1a7f37', B: '#4d8f1f', C: '#9a6700', D: '#bc4c00', F: '#cf222e', none: '#6e7781' };

  // The JSON sits in a data attribute of an inert <script type="application/json">: Thymeleaf escapes
  // th:text inside <script> as HTML, which the browser would not decode, while attribute values are decoded.
  const read = id => {
    const element = document.getElementById(id);
    return element && element.dataset.json ? JSON.parse(element.dataset.json) : null;
  };

  const alpha = (hex, a) => {
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
  };

  // Shades the A–F score ranges behind a line chart: options.plugins.gradeBands = {a: 85, b: 70, c: 55, d: 40}.
  const gradeBands = {
    id: 'gradeBands',
    beforeDatasetsDraw(chart, args, options) {
      // The server sends the active model's bands keyed by grade letter: {A: 85, B: 70, C: 55, D: 40}.
      const bands = options && { a: Number(options.A ?? options.a), b: Number(options.B ?? options.b),
        c: Number(options.C ?? options.c), d: Number(options.D ?? options.d) };
      if (!bands || Number.isNaN(bands.a)) {
        return;
      }
      const { ctx, chartArea, scales: { y } } = chart;
      const ranges = [['A', bands.a, 100], ['B', bands.b, bands.a], ['C', bands.c, bands.b],
        ['D', bands.d, bands.c], ['F', 0, bands.d]];
      ctx.save();
      ranges.forEach(([grade, from, to]) => {
        const top = Math.max(y.getPixelForValue(to), chartArea.top);
        const bottom = Math.min(y.getPixelForValue(from), chartArea.bottom);
        if (bottom <= top) {
          return;
        }
        ctx.fillStyle = alpha(GRADE_COLOURS[grade], 0.13);
        ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, bottom - top);
        ctx.fillStyle = alpha(GRADE_COLOURS[grade], 0.9);
        ctx.font = 'bold 12px system-ui, sans-serif';
        ctx.textAlign = 'right';
        ctx.textBaseline = 'middle';
        ctx.fillText(grade, chartArea.right - 4, (top + bottom) / 2);
      });
      ctx.restore();
    }
  };

  const language = () => document.documentElement.lang || 'en';

  // Month axes read as the reader writes months ("giu 2025", "Jun 2025"); the server sends ISO "2025-06".
  const monthLabels = labels => {
    const format = new Intl.DateTimeFormat(language(), { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return (labels || []).map(label => {
      const match = /^(\d{4})-(\d{2})$/.exec(label);
      return match ? format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1))) : label;
    });
  };

  const percent = value => new Intl.NumberFormat(language(), { maximumFractionDigits: 1 }).format(value) + '%';

  const median = values => {
    const sorted = values.filter(v => v > 0).sort((a, b) => a - b);
    return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
  };

  // One client holding a quarter of the revenue squeezes every other dot into a corner: when the largest
  // share is more than five times the median one, the axis turns logarithmic and its title says so.
  const spread = values => Math.max(0, ...values) > 5 * median(values);

  const LOG_FLOOR = 0.1;

  const base = () => ({
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    locale: language()
  });

  function gradeChart() {
    const data = read('grade-data');
    const canvas = document.getElementById('grade-chart');
    if (!data || !canvas) {
      return;
    }
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [{ data: data.counts, backgroundColor: data.grades.map(g => GRADE_COLOURS[g]) }]
      },
      options: { ...base(), plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function trendChart() {
    const data = read('trend-data');
    const canvas = document.getElementById('trend-chart');
    if (!data || !canvas) {
      return;
    }
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: monthLabels(data.labels),
        datasets: [{ label: data.label, data: data.scores, borderColor: '#0d6efd', backgroundColor: '#0d6efd',
          tension: 0.2, spanGaps: true, pointRadius: 3 }]
      },
      options: { ...base(), plugins: { legend: { display: false }, gradeBands: data.bands },
        scales: { y: { min: 0, max: 100 } } },
      plugins: [gradeBands]
    });
  }

  const SERIES_COLOURS = ['#0d6efd', '#d63384', '#6c757d'];

  function metricCharts() {
    const data = read('metrics-data');
    if (!data) {
      return;
    }
    document.querySelectorAll('canvas.metric-chart').forEach(canvas => {
      const series = data[canvas.dataset.series] || [];
      new Chart(canvas, {
        type: 'line',
        data: {
          labels: monthLabels(data.labels),
          datasets: series.map((s, i) => ({ label: s.label, data: s.data, borderColor: SERIES_COLOURS[i],
            backgroundColor: SERIES_COLOURS[i], spanGaps: true, pointRadius: 2, tension: 0.2 }))
        },
        options: { ...base(), plugins: { legend: { display: series.length > 1, position: 'bottom' } },
          scales: { y: { beginAtZero: true } } }
      });
    });
  }

  function paretoCharts() {
    const data = read('pareto-data');
    if (!data) {
      return;
    }
    const curves = document.getElementById('pareto-curves');
    if (curves) {
      const labels = curves.dataset;
      new Chart(curves, {
        type: 'scatter',
        data: {
          datasets: [
            { label: labels.revenue, data: data.revenue, showLine: true, borderColor: '#0d6efd',
              backgroundColor: '#0d6efd', pointRadius: 0 },
            { label: labels.effort, data: data.effort, showLine: true, borderColor: '#cf222e',
              backgroundColor: '#cf222e', pointRadius: 0 },
            { label: labels.diagonal, data: [{ x: 0, y: 0 }, { x: 100, y: 100 }], showLine: true,
              borderColor: '#adb5bd', borderDash: [4, 4], pointRadius: 0 }
          ]
        },
        options: { ...base(), scales: {
          x: { min: 0, max: 100, title: { display: true, text: labels.x } },
          y: { min: 0, max: 100, title: { display: true, text: labels.y } } } }
      });
    }
    const scatter = document.getElementById('pareto-scatter');
    if (scatter) {
      const labels = scatter.dataset;
      const logX = spread(data.scatter.map(p => p.x));
      const logY = spread(data.scatter.map(p => p.y));
      // A share of 0 has no place on a logarithmic axis: drawn at the floor, its tooltip gives the real value.
      const points = data.scatter.map(p => ({ ...p, shareX: p.x, shareY: p.y,
        x: logX ? Math.max(p.x, LOG_FLOOR) : p.x, y: logY ? Math.max(p.y, LOG_FLOOR) : p.y }));
      const others = points.filter(p => !p.drain);
      const drains = points.filter(p => p.drain);
      const axis = (log, title) => log
        ? { type: 'logarithmic', min: LOG_FLOOR, title: { display: true, text: `${title} · ${labels.log}` },
            ticks: { callback: value => ([0.1, 1, 10, 100].includes(Number(value)) ? percent(value) : '') } }
        : { beginAtZero: true, title: { display: true, text: title } };
      scatter.dataset.scale = (logX || logY) ? 'logarithmic' : 'linear';
      new Chart(scatter, {
        type: 'scatter',
        data: {
          datasets: [
            { label: labels.client, data: others, backgroundColor: alpha('#0d6efd', 0.6), pointRadius: 4 },
            { label: labels.drain, data: drains, backgroundColor: '#cf222e', pointRadius: 6, pointStyle: 'triangle' }
          ]
        },
        options: { ...base(),
          scales: { x: axis(logX, labels.x), y: axis(logY, labels.y) },
          plugins: { tooltip: { callbacks: {
            label: item => `${item.raw.name}: ${percent(item.raw.shareX)} / ${percent(item.raw.shareY)}`,
            afterLabel: item => (item.raw.drain ? labels.drainWhy : '') } } },
          onHover: (event, elements) => {
            event.native.target.style.cursor = elements.length ? 'pointer' : 'default';
          },
          onClick: (event, elements, chart) => {
            if (elements.length) {
              const point = chart.data.datasets[elements[0].datasetIndex].data[elements[0].index];
              window.location.assign(point.href);
            }
          } }
      });
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    const print = document.getElementById('print-scorecard');
    if (print) {
      print.addEventListener('click', () => window.print());
    }
    if (!window.Chart) {
      return;
    }
    gradeChart();
    trendChart();
    metricCharts();
    paretoCharts();
  });
})();
