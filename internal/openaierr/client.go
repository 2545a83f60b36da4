package openaierr

import (
	"fmt"
	"net/http"
	"net/url"

	goopenai "github.com/sashabaranov/go-openai"
)

// NewClient returns a go-openai client for an OpenAI-compatible server at
// baseURL (empty: OpenAI's), whose HTTP client records the response headers
// (Retry-After) that go-openai's errors drop. hc may be nil.
func NewClient(apiKey, baseURL string, hc *http.Client) (*goopenai.Client, error) {
	cc := goopenai.DefaultConfig(apiKey)
	if baseURL != "" {
		u, err := url.Parse(baseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("base URL %q: want an absolute http(s) URL", baseURL)
		}
		cc.BaseURL = baseURL
	}
	cc.HTTPClient = Client(hc)
	return goopenai.NewClientWithConfig(cc), nil
}
