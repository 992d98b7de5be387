pragma solidity 0.4.24;

contract Sale {
    uint256 public price = 1 ether;
    mapping(address => uint256) public bought;

    function buy(uint256 qty) public payable { // @vulnerable: denial_of_service
        require(msg.value == qty * price); // @vulnerable: arithmetic
        bought[msg.sender] += qty; // @vulnerable: arithmetic
    }
}
