// A button with data-copy="ID" copies the text of the element with that id to the clipboard.
document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-copy]");
  if (!button) {
    return;
  }
  var text = document.getElementById(button.getAttribute("data-copy")).textContent;
  navigator.clipboard.writeText(text).then(function () {
    button.textContent = "Copied";
  }, function () {
    button.textContent = "Copying was refused: select the text and copy it";
  });
});
