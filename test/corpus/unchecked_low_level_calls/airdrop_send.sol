pragma solidity 0.4.24;

contract Airdrop {
    address public owner = msg.sender;

    function payMany(address[] to, uint amount) public {
        require(msg.sender == owner);
        for (uint i = 0; i < to.length; i++) {
            to[i].send(amount); // @vulnerable: unchecked_low_level_calls @vulnerable: denial_of_service
        }
    }
}
