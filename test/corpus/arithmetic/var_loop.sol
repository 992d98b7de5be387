pragma solidity ^0.4.11;

contract Distributor {
    address[] public holders;

    function payout(uint amount) public {
        for (var i = 0; i < holders.length; i++) { // @vulnerable: arithmetic
            holders[i].transfer(amount); // @vulnerable: denial_of_service
        }
    }
}
