package dev.confab.conferencing.provisioning;

/** The HTML of the 8443 page: the upload form, and the outcome of the last upload when there is one. */
final class UploadPage {

    /** How the page reads: waiting for a file, configured, or refused with an error. */
    enum Outcome { NONE, SUCCESS, ERROR }

    private UploadPage() {
    }

    static String render(String bindAddress, boolean configured, Outcome outcome, String message) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Confab Conferencing Node</title>
                <style>
                body { font-family: sans-serif; max-width: 44rem; margin: 3rem auto; color: #1d2733; }
                .success { background: #e5f6e8; border: 1px solid #3a8a4a; padding: .8rem; }
                .error { background: #fbe9e9; border: 1px solid #b33a3a; padding: .8rem; }
                </style>
                </head>
                <body>
                <h1>Confab Conferencing Node</h1>
                """);
        html.append("<p>Address: <code>").append(escape(bindAddress)).append("</code></p>\n");
        if (outcome == Outcome.SUCCESS) {
            html.append("<p id=\"result\" class=\"success\" role=\"status\">").append(escape(message)).append("</p>\n");
        } else if (outcome == Outcome.ERROR) {
            html.append("<p id=\"error\" class=\"error\" role=\"alert\">").append(escape(message)).append("</p>\n");
        }
        if (configured) {
            html.append("<p id=\"state\">This node is configured.</p>\n");
        } else {
            html.append("""
                    <p id="state">This node is not configured yet. Upload the configuration file
                    (<code>pexip-&lt;hostname&gt;.&lt;domain&gt;.xml</code>) that the Management Node made when the
                    node was added with the deployment type "Generic (configuration-only)".</p>
                    <form method="post" action="/upload" enctype="multipart/form-data">
                    <p><label for="file">Configuration file</label>
                    <input type="file" id="file" name="file" accept=".xml,application/xml,text/xml" required></p>
                    <p><button type="submit" id="upload">Upload</button></p>
                    </form>
                    """);
        }
        return html.append("</body>\n</html>\n").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
