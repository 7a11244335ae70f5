//! Who the client is when load balancers stand in front of the portal. A balancer adds the
//! address it was reached from to the right of `X-Forwarded-For`; whatever is further left
//! the client wrote itself. So the client is the right-most address that is not one of our
//! own proxies, and only the proxies named in `server.trusted_proxies` are believed.

use std::net::IpAddr;

use actix_web::HttpRequest;
use ipnet::IpNet;
use serde::{Deserialize, Deserializer};

/// The networks our own load balancers send from, as addresses or CIDR ranges.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Reads `"10.0.0.5, 10.1.0.0/16"`; an entry that is neither an address nor a network is
    /// refused, so a typing mistake cannot quietly trust nothing.
    pub fn parse(text: &str) -> Result<Self, String> {
        text.split(',')
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(|entry| {
                entry
                    .parse::<IpNet>()
                    .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("{entry:?} is not an IP address or network"))
            })
            .collect::<Result<_, _>>()
            .map(Self)
    }

    /// Whether `address` is one of our load balancers.
    pub fn trusts(&self, address: IpAddr) -> bool {
        let address = address.to_canonical();
        self.0.iter().any(|network| network.contains(&address))
    }

    /// The address of the client the request came from. Without trusted proxies, or from a
    /// peer that is not one, that is the peer; otherwise the right-most forwarded address that
    /// is not a trusted proxy. An entry that is not an IP address ends the walk at the last
    /// proxy that vouched for what came before it.
    pub fn client(&self, req: &HttpRequest) -> Option<IpAddr> {
        let peer = req.peer_addr()?.ip().to_canonical();
        if !self.trusts(peer) {
            return Some(peer);
        }
        let forwarded = req
            .headers()
            .get_all("x-forwarded-for")
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .collect::<Vec<_>>();
        let mut client = peer;
        for entry in forwarded.into_iter().rev() {
            let Ok(address) = entry.parse::<IpAddr>() else {
                break;
            };
            client = address.to_canonical();
            if !self.trusts(client) {
                break;
            }
        }
        Some(client)
    }
}

impl<'de> Deserialize<'de> for TrustedProxies {
    /// A list (`["10.0.0.5", "10.1.0.0/16"]` in the file) or one comma-separated string (from
    /// `PORTAL_SERVER__TRUSTED_PROXIES`).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Given {
            One(String),
            Many(Vec<String>),
        }
        let text = match Given::deserialize(deserializer)? {
            Given::One(text) => text,
            Given::Many(entries) => entries.join(","),
        };
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    fn request(peer: &str, forwarded: &str) -> HttpRequest {
        TestRequest::default()
            .peer_addr(std::net::SocketAddr::new(peer.parse().unwrap(), 4000))
            .insert_header(("X-Forwarded-For", forwarded))
            .to_http_request()
    }

    fn client(proxies: &str, peer: &str, forwarded: &str) -> String {
        TrustedProxies::parse(proxies)
            .unwrap()
            .client(&request(peer, forwarded))
            .unwrap()
            .to_string()
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        assert_eq!(client("", "203.0.113.9", "198.51.100.1"), "203.0.113.9");
    }

    #[test]
    fn a_peer_that_is_not_our_proxy_is_the_client_whatever_it_says() {
        assert_eq!(
            client("10.0.0.5", "203.0.113.9", "198.51.100.1"),
            "203.0.113.9"
        );
    }

    #[test]
    fn addresses_the_client_wrote_on_the_left_are_not_believed() {
        // The attack from the issue: a fresh address per request on the left.
        assert_eq!(
            client(
                "10.0.0.0/8",
                "10.0.0.5",
                "198.51.100.7, 127.0.0.1, 203.0.113.9"
            ),
            "203.0.113.9"
        );
        assert_eq!(
            client("10.0.0.0/8", "10.0.0.5", "198.51.100.8, 203.0.113.9"),
            "203.0.113.9"
        );
    }

    #[test]
    fn a_chain_of_our_own_proxies_is_walked_to_the_first_stranger() {
        assert_eq!(
            client(
                "10.0.0.0/8, 192.0.2.4",
                "10.0.0.5",
                "203.0.113.9, 192.0.2.4, 10.1.1.1"
            ),
            "203.0.113.9"
        );
    }

    #[test]
    fn something_that_is_not_an_address_is_never_the_client() {
        assert_eq!(client("10.0.0.5", "10.0.0.5", "not-an-ip"), "10.0.0.5");
        assert_eq!(
            client("10.0.0.5", "10.0.0.5", "<script>, 203.0.113.9"),
            "203.0.113.9"
        );
    }

    #[test]
    fn ipv4_mapped_ipv6_peers_match_ipv4_networks() {
        assert_eq!(
            client("10.0.0.0/8", "::ffff:10.0.0.5", "203.0.113.9"),
            "203.0.113.9"
        );
    }

    #[test]
    fn a_mistyped_entry_is_refused() {
        assert!(TrustedProxies::parse("10.0.0.5, 10.0.0/8x").is_err());
    }
}
