def test_pages_carry_a_strict_content_security_policy_without_inline_script(client, db):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    html = response.content.decode()
    assert "<script>" not in html and " style=" not in html
