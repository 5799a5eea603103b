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
  // No select submits its form on change: a keyboard user's first arrow key would reload the
  // page (WCAG 3.2.2). Every filter form has its own button.
});
