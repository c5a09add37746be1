# PSGI app for the Pishkhan test instance: RT's own rt-server app wrapped in CORS.
# Started by up.sh as: plackup -s Starlet --host 127.0.0.1 --port $PORT app.psgi
#
# RT sends no CORS headers and answers a preflight OPTIONS with 401, so
# Plack::Middleware::CrossOrigin answers preflights itself and decorates every response.
# Allowed origins come from $RT_CORS_ORIGINS (space- or comma-separated).
use strict;
use warnings;
use Plack::Builder;

my $rt_server = '/usr/share/request-tracker5/libexec/rt-server';
# rt-server returns its PSGI app when it is loaded by another file.
my $rt = do $rt_server;
die "loading $rt_server failed: " . ($@ || $! || 'no app returned') . "\n"
    unless ref $rt eq 'CODE';

my @origins = grep { length } split /[\s,]+/, ($ENV{RT_CORS_ORIGINS} // 'http://127.0.0.1:18080');

builder {
    enable 'CrossOrigin',
        origins => \@origins,
        methods => [qw(GET POST PUT DELETE)],
        headers => [qw(Authorization Content-Type Accept If-Match If-None-Match
                       If-Modified-Since If-Unmodified-Since)],
        expose_headers => [qw(Location ETag Last-Modified Content-Disposition Content-Length
                              Content-Type X-RT-Interface)],
        max_age => 600;
    $rt;
};
