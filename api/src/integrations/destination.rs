//! Where a webhook may be sent: never into the council's own network. An administrator's URL is
//! checked when it is registered (https, no user name or password in it, no address or name of
//! this machine or a private network), and again at every delivery after its name is resolved,
//! against the address the request then goes to (so a name that later points inside is refused
//! too). Local addresses and plain http are allowed only with the development setting
//! `server.allow_local_webhooks`, which the tests use for receivers on this machine.

use std::net::{IpAddr, SocketAddr};

use url::{Host, Url};

/// A registered URL, or why it is refused (said to the administrator).
pub fn check_url(text: &str, allow_local: bool) -> Result<Url, String> {
    let url = Url::parse(text.trim()).map_err(|_| "Enter a full https:// address".to_owned())?;
    match url.scheme() {
        "https" => {}
        "http" if allow_local => {}
        _ => return Err("Enter an https:// address".into()),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("Leave the user name and password out of the address".into());
    }
    match url.host() {
        None => Err("Enter the address of a server".into()),
        Some(Host::Ipv4(ip)) => allowed(IpAddr::V4(ip), allow_local).map(|()| url),
        Some(Host::Ipv6(ip)) => allowed(IpAddr::V6(ip), allow_local).map(|()| url),
        Some(Host::Domain(name)) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            let local = name == "localhost" || name.ends_with(".localhost");
            if local && !allow_local {
                Err("Enter the address of a server on the internet, not this machine".into())
            } else {
                Ok(url)
            }
        }
    }
}

/// The address a delivery to `url` goes to, after resolving its name: every address the name
/// has must be allowed, and the request is then pinned to the first.
pub async fn resolve(url: &Url, allow_local: bool) -> Result<SocketAddr, String> {
    let host = url.host_str().ok_or("the address has no server")?;
    let port = url
        .port_or_known_default()
        .ok_or("the address has no port")?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let found: Vec<SocketAddr> = tokio::net::lookup_host((host, port))
        .await
        .map_err(|_| format!("the name {host} could not be found"))?
        .collect();
    let first = *found
        .first()
        .ok_or(format!("the name {host} has no address"))?;
    for address in &found {
        allowed(address.ip(), allow_local).map_err(|_| {
            format!(
                "refused: {host} is at {}, inside a private network",
                address.ip()
            )
        })?;
    }
    Ok(first)
}

/// Whether deliveries may go to `ip`: not this machine, a private or shared network, a link-local
/// or unique-local address (cloud metadata services live there), multicast or unspecified.
fn allowed(ip: IpAddr, allow_local: bool) -> Result<(), String> {
    let refused = match ip {
        IpAddr::V4(v4) => {
            (v4.is_loopback() && !allow_local)
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_multicast()
                || v4.is_broadcast()
                || v4.is_unspecified()
                || v4.is_documentation()
                // 100.64.0.0/10, carrier-grade NAT: shared, not the internet.
                || (v4.octets()[0] == 100 && (v4.octets()[1] & 0xc0) == 64)
                || v4.octets()[0] == 0
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return allowed(IpAddr::V4(v4), allow_local);
            }
            (v6.is_loopback() && !allow_local)
                || v6.is_multicast()
                || v6.is_unspecified()
                // fc00::/7 unique local, fe80::/10 link-local.
                || (v6.segments()[0] & 0xfe00) == 0xfc00
                || (v6.segments()[0] & 0xffc0) == 0xfe80
        }
    };
    if refused {
        Err(
            "Enter the address of a server on the internet, not one inside a private network"
                .into(),
        )
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_inside_are_refused_before_anything_is_sent() {
        for refused in [
            "http://localhost:80@attacker.example/hook",
            "https://user:pass@hooks.example.org/",
            "https://169.254.169.254/latest/meta-data",
            "https://10.0.0.1/",
            "https://192.168.1.20/hook",
            "https://172.16.5.4/hook",
            "https://100.64.0.1/hook",
            "https://[fd00::1]/hook",
            "https://[fe80::1]/hook",
            "https://[::ffff:10.0.0.1]/hook",
            "https://0.0.0.0/hook",
            "http://127.0.0.1:22/",
            "https://127.0.0.1/hook",
            "https://localhost/hook",
            "https://api.localhost/hook",
            "http://hooks.example.org/plain",
            "ftp://hooks.example.org/",
        ] {
            assert!(check_url(refused, false).is_err(), "{refused} was taken");
        }
        assert!(check_url("https://hooks.example.org/portal-events", false).is_ok());
        assert!(
            check_url("https://203.0.113.9/hook", false).is_err(),
            "documentation range"
        );
        assert!(check_url("https://93.184.215.14/hook", false).is_ok());
        // With the development setting, this machine (and plain http to it) is allowed; a
        // private network still is not.
        assert!(check_url("http://127.0.0.1:9/portal-events", true).is_ok());
        assert!(check_url("https://10.0.0.1/", true).is_err());
    }

    #[tokio::test]
    async fn a_name_that_resolves_inside_is_refused_at_delivery_without_connecting() {
        // `localhost` resolves from /etc/hosts, with no network and no connection made.
        let url = Url::parse("https://localhost:9/hook").unwrap();
        let refused = resolve(&url, false).await.unwrap_err();
        assert!(refused.starts_with("refused: localhost is at"), "{refused}");
        assert!(resolve(&url, true).await.is_ok());
    }
}
