package org.convoy.notification.notice.sms;

/** The SMS channel's provider port: hands one text message to an SMS provider. */
public interface SmsProvider {

    /**
     * @return the provider's id for the message
     * @throws org.convoy.notification.notice.channel.ChannelFailure.Transient when trying again later may work (rate
     *         limited, provider trouble, network)
     * @throws org.convoy.notification.notice.channel.ChannelFailure.Permanent when it never will (bad number, refused
     *         credentials)
     */
    String send(String to, String text);
}
