// Monthly entry grid: move between rows with the arrow keys and Enter, like a spreadsheet.
// Tab already moves along the row (the inputs are in row order).
document.addEventListener('DOMContentLoaded', () => {
  const grid = document.getElementById('entry-table');
  if (!grid) {
    return;
  }
  // Cells are found by their place in the table, so the page carries no per-cell coordinates.
  const body = grid.tBodies[0];
  const cell = (row, col) => body.rows[row]?.cells[col]?.querySelector('input[type=text]') || null;
  grid.addEventListener('keydown', event => {
    const input = event.target;
    if (!input.matches('td input[type=text]')) {
      return;
    }
    const row = input.closest('tr').sectionRowIndex;
    const col = input.closest('td').cellIndex;
    let target = null;
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey)) {
      target = cell(row + 1, col);
    } else if (event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey)) {
      target = cell(row - 1, col);
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      // The shortcut the page shows: save without tabbing through every cell to the button.
      event.preventDefault();
      input.form.requestSubmit();
      return;
    }
    if (event.key === 'Enter') {
      // Enter moves to the next client instead of saving half-typed rows.
      event.preventDefault();
    }
    if (target) {
      event.preventDefault();
      target.focus();
      target.select();
    }
  });
  // Typed values live only in this page until it is saved: pages, months and the filter are other
  // addresses. Say so as soon as something is typed, ask before a page link leaves it behind, and let
  // the browser ask before any other way out. A refused save starts unsaved: nothing was written.
  const form = document.getElementById('entry-form');
  const notice = document.getElementById('entry-unsaved');
  let unsaved = false;
  let submitting = false;
  const markUnsaved = () => {
    unsaved = true;
    notice?.classList.remove('d-none');
  };
  if (notice?.classList.contains('entry-unsaved-initially')) {
    markUnsaved();
  }
  form.addEventListener('input', markUnsaved);
  form.addEventListener('submit', () => {
    submitting = true;
  });
  document.querySelectorAll('a[data-leaves-page]').forEach(link => link.addEventListener('click', event => {
    if (unsaved && !window.confirm(form.dataset.leave)) {
      event.preventDefault();
      return;
    }
    submitting = true;
  }));
  document.getElementById('entry-choose')?.addEventListener('submit', event => {
    if (unsaved && !window.confirm(form.dataset.leave)) {
      event.preventDefault();
      return;
    }
    submitting = true;
  });
  window.addEventListener('beforeunload', event => {
    // Browsers refuse (and log an error for) the prompt on a page nobody has touched since it loaded,
    // e.g. a refused save left as it is: the notice on the page says it then.
    if (unsaved && !submitting && navigator.userActivation?.hasBeenActive !== false) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
  // Put the cursor on the first refused cell, or else on the first cell.
  const first = grid.querySelector('input.is-invalid') || cell(0, 1);
  if (first) {
    first.focus();
  }
});
