// Import page: refuse a file over the size limit before uploading it, so the user is told at once.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('upload-form');
  if (!form) {
    return;
  }
  const input = document.getElementById('file');
  const maxBytes = Number(form.dataset.maxBytes);
  const check = () => {
    const tooLarge = input.files.length > 0 && input.files[0].size > maxBytes;
    input.classList.toggle('is-invalid', tooLarge);
    return !tooLarge;
  };
  input.addEventListener('change', check);
  form.addEventListener('submit', event => {
    if (!check()) {
      event.preventDefault();
    }
  });
});
