package dev.wharf.server.ui;

/** The sign-in form and the page of a refused request. */
final class LoginPage {
  private LoginPage() {}

  static String form(String next, String problem) {
    Html html = new Html();
    html.raw("<h1>Sign in to Wharf</h1>");
    if (problem != null) {
      html.raw("<p class=\"error\" role=\"alert\" id=\"login-error\">").text(problem).raw("</p>");
    }
    html.raw("<form method=\"post\" action=\"/login\" class=\"login\">")
        .raw("<label for=\"token\">API token</label>")
        .raw(
            "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" required autofocus")
        .raw(problem != null ? " aria-describedby=\"login-error\"" : "")
        .raw(">")
        .raw("<input type=\"hidden\" name=\"next\"")
        .attr("value", WebAuth.safeNext(next))
        .raw("><button type=\"submit\">Sign in</button></form>")
        .raw(
            "<p class=\"hint\">Create a token on the server's machine with <code>wharf server token create --role read</code> (or <code>run</code>, <code>admin</code>).</p>");
    return Layout.bare("Sign in", html.toString());
  }

  static String error(int status, String message) {
    Html html = new Html();
    html.raw("<h1>")
        .text(status == 404 ? "Not found" : status == 403 ? "Not allowed" : "Request refused")
        .raw("</h1>")
        .raw("<p class=\"error\" role=\"alert\">")
        .text(message)
        .raw("</p><p><a href=\"/runs\">Back to the runs</a></p>");
    return Layout.bare("Error", html.toString());
  }
}
