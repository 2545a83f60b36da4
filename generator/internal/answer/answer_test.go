package answer

import (
	"reflect"
	"strings"
	"testing"

	"github.com/tailorhq/tailor/generator"
)

func TestParse(t *testing.T) {
	t.Parallel()
	push := []string{"title", "body"}
	tests := []struct {
		name    string
		content string
		n       int
		want    []generator.Draft
		wantErr string
	}{
		{
			name:    "two variants",
			content: `{"variants":[{"angle":"loyalty","used_facts":["first_name"],"title":"Hi Dana","body":"New shoes."},{"angle":"offer","used_facts":[],"title":"15% off","body":"For members."}]}`,
			want: []generator.Draft{
				{Fields: map[string]string{"title": "Hi Dana", "body": "New shoes."}, Angle: "loyalty", UsedFacts: []string{"first_name"}},
				{Fields: map[string]string{"title": "15% off", "body": "For members."}, Angle: "offer", UsedFacts: []string{}},
			},
		},
		{
			name:    "extra properties ignored, n caps",
			content: `{"variants":[{"title":"a","body":"b","mood":"x"},{"title":"c","body":"d"}],"note":"hi"}`,
			n:       1,
			want:    []generator.Draft{{Fields: map[string]string{"title": "a", "body": "b"}}},
		},
		{
			name:    "code fence",
			content: "```json\n{\"variants\":[{\"angle\":\"a\",\"used_facts\":null,\"title\":\"t\",\"body\":\"b\"}]}\n```",
			want:    []generator.Draft{{Fields: map[string]string{"title": "t", "body": "b"}, Angle: "a"}},
		},
		{name: "not json", content: `Sure! Here are your variants:`, wantErr: "decoding answer"},
		{name: "truncated", content: `{"variants":[{"title":"a","bo`, wantErr: "decoding answer"},
		{name: "empty", content: ``, wantErr: "decoding answer"},
		{name: "no variants", content: `{"variants":[]}`, wantErr: "no variants"},
		{name: "wrong shape", content: `{"variants":{"title":"a"}}`, wantErr: "decoding answer"},
		{name: "missing field", content: `{"variants":[{"title":"a"}]}`, wantErr: `variants[0]: missing field "body"`},
		{name: "null field", content: `{"variants":[{"title":"a","body":null}]}`, wantErr: `field "body": want a string`},
		{name: "number field", content: `{"variants":[{"title":"a","body":3}]}`, wantErr: `field "body": want a string`},
		{name: "null variant", content: `{"variants":[null]}`, wantErr: "not an object"},
		{name: "bad used_facts", content: `{"variants":[{"title":"a","body":"b","used_facts":"first_name"}]}`, wantErr: "used_facts"},
		{name: "bad angle", content: `{"variants":[{"title":"a","body":"b","angle":1}]}`, wantErr: "angle"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Parse(tt.content, push, tt.n)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse = %#v\nwant %#v", got, tt.want)
			}
		})
	}
}
