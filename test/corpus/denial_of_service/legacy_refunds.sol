pragma solidity 0.4.24;

contract Refunder {
    address[] private refundAddresses;
    mapping(address => uint) public refunds;

    function refundAll() public {
        for (uint x; x < refundAddresses.length; x++) {
            require(refundAddresses[x].send(refunds[refundAddresses[x]])); // @vulnerable: denial_of_service
        }
    }
}
