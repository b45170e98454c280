// Apply the saved theme before first paint so the page never flashes the wrong colours.
try {
  var t = localStorage.getItem('ip-theme')
  if (t === 'dark' || (!t && matchMedia('(prefers-color-scheme: dark)').matches)) document.documentElement.classList.add('dark')
} catch {}
