namespace Exanubes.Cognito.Sample.WebApp.Pages;

/// <summary>
/// The one script of the demo, served from <c>/passkeys.js</c> (the page's CSP allows scripts from this site only):
/// a button carrying Cognito's options JSON (<c>data-options</c>) calls <c>navigator.credentials.create</c> or
/// <c>.get</c> with them (WebAuthn Level 3's <c>parseCreationOptionsFromJSON</c> / <c>parseRequestOptionsFromJSON</c>),
/// and posts the credential's <c>toJSON()</c> back in a form, as Cognito takes it.
/// </summary>
internal static class PasskeyScript
{
    public const string Path = "/passkeys.js";

    public const string Source = """
        'use strict';
        document.addEventListener('DOMContentLoaded', () => {
          for (const button of document.querySelectorAll('button[data-passkey]')) {
            button.addEventListener('click', async () => {
              const form = document.getElementById(button.dataset.form);
              const status = document.getElementById('passkey-status');
              button.disabled = true;
              try {
                const options = JSON.parse(button.dataset.options);
                const credential = button.dataset.passkey === 'create'
                  ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
                  : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
                form.elements.credential.value = JSON.stringify(credential.toJSON());
                form.submit();
              } catch (error) {
                button.disabled = false;
                status.textContent = 'Your browser did not ' + (button.dataset.passkey === 'create' ? 'create' : 'use') + ' a passkey (' + error.name + '). Try again.';
                status.hidden = false;
              }
            });
          }
        });
        """;
}
