// Behaviour for every page, loaded from our own origin (the CSP allows no inline script).
document.addEventListener('DOMContentLoaded', () => {
  // Forms that ask before doing something that cannot be undone: <form data-confirm="...">.
  document.querySelectorAll('form[data-confirm]').forEach(form => {
    form.addEventListener('submit', event => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
  // Selects that submit their form when changed: <select data-autosubmit>.
  document.querySelectorAll('select[data-autosubmit]').forEach(select => {
    select.addEventListener('change', () => select.form.requestSubmit());
  });
});
