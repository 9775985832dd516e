namespace MxPortal.TestSupport.Mail;

/// <summary>The self-contained dovecot.conf of STACK-SERVICES.md §1.1 (no /etc/dovecot), with a static password;
/// with <c>tls</c>, its TLS variant (port 0 = listener off).</summary>
internal static class DovecotConfig
{
    public static string Render(string dir, DovecotPorts ports, string password, bool tls) => $$"""
        base_dir = {{dir}}/run
        state_dir = {{dir}}/state
        instance_name = dc-test-{{Path.GetFileName(dir)}}
        protocols = imap pop3
        listen = 127.0.0.1
        log_path = {{dir}}/dovecot.log
        {{(tls ? $"ssl = yes\nssl_cert = <{dir}/cert.pem\nssl_key = <{dir}/key.pem" : "ssl = no")}}
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        mail_location = maildir:~/Maildir
        mail_uid = nobody
        mail_gid = nogroup
        pop3_uidl_format = %08Xu%08Xv
        auth_failure_delay = 0
        service anvil {
          unix_listener anvil-auth-penalty {
            mode = 0
          }
        }
        passdb {
          driver = static
          args = password={{password}}
        }
        userdb {
          driver = static
          args = home={{dir}}/mail/%u
        }
        service imap-login {
          inet_listener imap {
            port = {{ports.Imap}}
          }
          inet_listener imaps {
            port = {{ports.Imaps}}
          }
        }
        service pop3-login {
          inet_listener pop3 {
            port = {{ports.Pop3}}
          }
          inet_listener pop3s {
            port = {{ports.Pop3s}}
          }
        }
        """;
}
