// Monthly entry grid: move between rows with the arrow keys and Enter, like a spreadsheet.
// Tab already moves along the row (the inputs are in row order).
document.addEventListener('DOMContentLoaded', () => {
  const grid = document.getElementById('entry-table');
  if (!grid) {
    return;
  }
  const cell = (row, col) => grid.querySelector(`input[data-row="${row}"][data-col="${col}"]`);
  grid.addEventListener('keydown', event => {
    const input = event.target;
    if (!input.matches('input[data-row]')) {
      return;
    }
    const row = Number(input.dataset.row);
    const col = Number(input.dataset.col);
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
  // Put the cursor on the first refused cell, or else on the first cell.
  const first = grid.querySelector('input.is-invalid') || cell(0, 0);
  if (first) {
    first.focus();
  }
});
