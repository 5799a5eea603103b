// Staff vote pages: the results chart, and a ballot that greys out clients already picked.
document.addEventListener('DOMContentLoaded', () => {
  drawResults();
  linkBallotPlaces();
});

// th:text HTML-escapes the embedded JSON and a <script> element does not decode entities,
// so decode them here (DOMParser runs no scripts) before parsing.
function embeddedJson(id) {
  const element = document.getElementById(id);
  if (!element) {
    return null;
  }
  const text = new DOMParser().parseFromString(element.textContent, 'text/html').documentElement.textContent;
  return JSON.parse(text);
}

function drawResults() {
  const canvas = document.getElementById('results-chart');
  const data = embeddedJson('results-data');
  if (!canvas || !data || typeof Chart === 'undefined') {
    return;
  }
  // One bar per client: a taller box for long lists keeps labels readable (CSSOM, allowed by the CSP).
  canvas.parentElement.style.height = Math.max(260, 32 * data.labels.length + 60) + 'px';
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [{
        label: canvas.dataset.label || 'Points',
        data: data.points,
        backgroundColor: '#cf222e'
      }]
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            afterLabel: context => data.percents[context.dataIndex] + ' %'
          }
        }
      },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
    }
  });
}

// Without JavaScript the server refuses duplicates; with it, a client picked in one place
// is disabled in the others so the mistake cannot be made.
function linkBallotPlaces() {
  const selects = Array.from(document.querySelectorAll('select[data-ballot-pick]'));
  if (selects.length === 0) {
    return;
  }
  const refresh = () => {
    const chosen = new Set(selects.map(s => s.value).filter(v => v !== ''));
    selects.forEach(select => {
      Array.from(select.options).forEach(option => {
        option.disabled = option.value !== '' && option.value !== select.value && chosen.has(option.value);
      });
    });
  };
  selects.forEach(select => select.addEventListener('change', refresh));
  refresh();
}
