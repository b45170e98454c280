// Swagger UI at /docs borrows the dashboard's session: its requests to this site carry the signed-in user's access
// token unless Swagger UI's own Authorize dialog set a credential.
;(function () {
  var original = window.fetch
  window.fetch = function (input, init) {
    try {
      var url = new URL(typeof input === 'string' ? input : input.url, window.location.href)
      var session = JSON.parse(localStorage.getItem('ip-session') || 'null')
      if (session && url.origin === window.location.origin) {
        init = Object.assign({}, init)
        var headers = new Headers(init.headers || (typeof input === 'string' ? undefined : input.headers))
        if (!headers.has('Authorization') && !headers.has('X-Api-Key')) headers.set('Authorization', 'Bearer ' + session.accessToken)
        init.headers = headers
      }
    } catch {}
    return original.call(this, input, init)
  }
})()
